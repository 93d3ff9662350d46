ipvsadm -A -t 10.37.0.1:80 -s rr
ipvsadm -a -t 10.37.0.1:80 -r 10.37.1.1:9090 -g
ipvsadm -d -t 10.37.0.1:80 -r 10.37.1.1:9090
