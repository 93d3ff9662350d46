ipvsadm -A -t 10.24.0.1:80 -s rr
ipvsadm -a -t 10.24.0.1:80 -r 10.24.1.1 -m -w
