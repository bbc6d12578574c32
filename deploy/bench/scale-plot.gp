# The cost curves from deploy/bench/scale.sh's results.tsv: gnuplot -e "results='...'; output='...png'" deploy/bench/scale-plot.gp
# columns: area size measure req_s p50_ms p99_ms load when
set terminal pngcairo size 1400,1000 font "DejaVu Sans,10"
set output output
set datafile separator "\t"
set logscale x
set grid
set key top left box opaque
set multiplot layout 2,2 title "Cost curve (deploy/bench/scale.sh): through the gateway, 32 connections, 2 shared cores"
sel(area, prefix) = sprintf("< awk -F'\t' '$1==\"%s\" && index($3, \"%s\")==1' '%s' | sort -t'\t' -k2,2n", area, prefix, results)

# fixed x ranges: a partial run (scale.sh credit) leaves other panels without data, which autoscaling cannot span
set title "Credit balances: throughput"
set xrange [500:2000000]
set xlabel "credit records"
set ylabel "requests/s"
set logscale y
plot sel("credit", "search") using 2:4 with linespoints lw 2 title "search (50 terms)", \
     sel("credit", "by id") using 2:4 with linespoints lw 2 title "by id", \
     sel("credit", "by-voucher") using 2:4 with linespoints lw 2 title "by-voucher", \
     sel("credit", "stats") using 2:4 with linespoints lw 2 title "stats summary"

set title "Credit balances: p99 latency"
set ylabel "p99 (ms)"
plot sel("credit", "search") using 2:6 with linespoints lw 2 title "search", \
     sel("credit", "by id") using 2:6 with linespoints lw 2 title "by id", \
     sel("credit", "by-voucher") using 2:6 with linespoints lw 2 title "by-voucher", \
     sel("credit", "stats") using 2:6 with linespoints lw 2 title "stats summary", \
     100 with lines dt 2 lc rgb "red" title "100 ms"

set title "Debtors: p99 latency, CSV export and replacement"
set xrange [500:5000000]
set xlabel "debtor rows in the database"
set ylabel "ms"
plot sel("debtors", "list") using 2:6 with linespoints lw 2 title "list p99 (varied filters)", \
     sel("debtors", "statistics") using 2:6 with linespoints lw 2 title "statistics p99", \
     sel("debtors", "CSV") using 2:6 with linespoints lw 2 title "CSV export (median)", \
     sel("debtors", "replacement (20k") using 2:6 with points pt 7 ps 1.5 title "replacement of 20k", \
     100 with lines dt 2 lc rgb "red" title "100 ms"

set title "API log and communications: p99 latency"
set xrange [500000:20000000]
set xlabel "rows"
set ylabel "p99 (ms)"
plot sel("apilog", "by user (") using 2:6 with linespoints lw 2 title "api-logs by user", \
     sel("apilog", "by date") using 2:6 with linespoints lw 2 title "api-logs by date", \
     sel("apilog", "by user and date") using 2:6 with linespoints lw 2 title "by user and date", \
     sel("apilog", "everything") using 2:6 with linespoints lw 2 title "everything, newest", \
     sel("comms", "history") using 2:6 with points pt 7 ps 1.5 title "communication history", \
     100 with lines dt 2 lc rgb "red" title "100 ms"
unset multiplot
