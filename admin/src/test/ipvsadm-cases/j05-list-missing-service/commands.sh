ipvsadm -A -t 10.5.0.1:80 -s rr
ipvsadm -L -n -t 10.5.0.2:80
