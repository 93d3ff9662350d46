ipvsadm -A -f 4294967295 -s rr
ipvsadm -A -f 2147483647 -s rr
ipvsadm -A -f 1 -s rr
ipvsadm -A -t 10.46.0.1:80 -s rr
ipvsadm -A -t 172.16.46.1:80 -s rr
ipvsadm -A -u 192.168.46.1:53 -s rr
ipvsadm -A --sctp-service 10.46.0.1:80 -s rr
ipvsadm -a -t 10.46.0.1:80 -r 10.46.1.1:8080 -m
ipvsadm -a -t 10.46.0.1:80 -r 10.46.1.1:80 -m
ipvsadm -a -t 10.46.0.1:80 -r 192.168.46.9 -m
