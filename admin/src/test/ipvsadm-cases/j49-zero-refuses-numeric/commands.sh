ipvsadm -A -t 10.49.0.1:80 -s rr
ipvsadm -Z -t 10.49.0.1:80 -n
