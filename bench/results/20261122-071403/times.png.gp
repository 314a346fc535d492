set terminal pngcairo size 1010,480 font ',9'
set output "bench/results/20261122-071403/times.png"
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
plot 'bench/results/20261122-071403/times.png.dat' using 2:xtic(1) title columnhead lc rgb '#9400d3', 'bench/results/20261122-071403/times.png.dat' using 3:xtic(1) title columnhead lc rgb '#009e73', 'bench/results/20261122-071403/times.png.dat' using 4:xtic(1) title columnhead lc rgb '#56b4e9', 'bench/results/20261122-071403/times.png.dat' using 5:xtic(1) title columnhead lc rgb '#e69f00', 'bench/results/20261122-071403/times.png.dat' using 6:xtic(1) title columnhead lc rgb '#f0e442', 'bench/results/20261122-071403/times.png.dat' using 7:xtic(1) title columnhead lc rgb '#0072b2', 'bench/results/20261122-071403/times.png.dat' using 8:xtic(1) title columnhead lc rgb '#e51e10', 'bench/results/20261122-071403/times.png.dat' using 9:xtic(1) title columnhead lc rgb '#000000', 'bench/results/20261122-071403/times.png.dat' using 10:xtic(1) title columnhead lc rgb '#a0a0a0'
