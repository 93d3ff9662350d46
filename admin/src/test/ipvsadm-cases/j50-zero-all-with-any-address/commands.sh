ipvsadm -A -t 10.50.0.1:80 -s rr
ipvsadm -Z -t 0.0.0.0:0
ipvsadm -Z -t 10.50.0.1:0
