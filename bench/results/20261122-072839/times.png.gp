set terminal pngcairo size 920,480 font ',9'
set output "/work/main/bench/results/20261122-072839/times.png"
set title "Time per workload (median; log scale; lower is better)"
set style data histogram
set style histogram cluster gap 1
set style fill solid 0.85 border -1
set logscale y
set ylabel 'seconds'
set key top left noenhanced
set xtics noenhanced rotate by -25
set grid ytics
set boxwidth 0.9
plot '/work/main/bench/results/20261122-072839/times.png.dat' using 2:xtic(1) title columnhead lc rgb '#9400d3', '/work/main/bench/results/20261122-072839/times.png.dat' using 3:xtic(1) title columnhead lc rgb '#009e73', '/work/main/bench/results/20261122-072839/times.png.dat' using 4:xtic(1) title columnhead lc rgb '#56b4e9', '/work/main/bench/results/20261122-072839/times.png.dat' using 5:xtic(1) title columnhead lc rgb '#e69f00', '/work/main/bench/results/20261122-072839/times.png.dat' using 6:xtic(1) title columnhead lc rgb '#f0e442', '/work/main/bench/results/20261122-072839/times.png.dat' using 7:xtic(1) title columnhead lc rgb '#0072b2'
