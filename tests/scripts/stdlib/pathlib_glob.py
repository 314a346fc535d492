# pathlib and glob over CPython's os.py: paths, directory walks, reading and writing.
import pathlib, glob, os, tempfile
base = pathlib.Path(tempfile.mkdtemp())
(base / "sub").mkdir()
(base / "sub" / "a.txt").write_text("alpha")
(base / "b.py").write_bytes(b"print(1)\n")
print(sorted(p.name for p in base.iterdir()), sorted(p.name for p in base.rglob("*.txt")))
print((base / "sub" / "a.txt").read_text(), (base / "b.py").stat().st_size, (base / "b.py").suffix, (base / "b.py").stem)
print(sorted(os.path.basename(g) for g in glob.glob(str(base / "*"))), [os.path.relpath(g, base) for g in glob.glob(str(base / "**" / "*.txt"), recursive=True)])
print(sorted(os.listdir(base)), sorted(os.listdir(os.fsencode(base))))
p = pathlib.PurePosixPath("/a/b/c.tar.gz")
print(p.parent, p.name, p.suffixes, p.parts, p.with_name("d.txt"), p.relative_to("/a"), p.is_absolute())
print(pathlib.Path("x/../y").as_posix(), (base / "nope").exists(), (base / "sub").is_dir(), (base / "b.py").is_file())
for q in sorted(base.rglob("*"), reverse=True):
    q.rmdir() if q.is_dir() else q.unlink()
base.rmdir()
print(base.exists())
