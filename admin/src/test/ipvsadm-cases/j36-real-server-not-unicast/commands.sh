ipvsadm -A -t 10.36.0.1:80 -s rr
ipvsadm -a -t 10.36.0.1:80 -r 10.36.1.1 -m
ipvsadm -a -t 10.36.0.1:80 -r 224.0.0.5 -m
