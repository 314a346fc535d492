for i in range(2):
    try:
        pass
    except* ValueError:
        continue
