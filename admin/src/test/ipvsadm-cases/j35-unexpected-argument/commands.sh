ipvsadm -A -t 10.35.0.1:80 -s rr
ipvsadm -a -t 10.35.0.1:80 -r 10.35.1.1 -m extra
