ipvsadm -A -t 10.39.0.1:80 -s rr
ipvsadm -a -t 10.39.0.1:80 -r 10.39.1.1 -m -w -5
