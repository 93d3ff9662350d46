ipvsadm -A -t 10.17.0.1:80 -s lc
ipvsadm -a -t 10.17.0.1:80 -r 10.17.1.1 -m -x 20 -y 10
ipvsadm -a -t 10.17.0.1:80 -r 10.17.1.2 -m -w 0
ipvsadm -L -n --thresholds -t 10.17.0.1:80
