ipvsadm -A -t 10.23.0.1:80 -s rr
ipvsadm -L -n -D -t 10.23.0.1:80
