ipvsadm -A -t 10.29.0.1:80 -s wrr -b flag-3,flag-1
ipvsadm -A -t 10.29.0.2:80 -s sh -b sh-port,sh-fallback
ipvsadm -A -t 10.29.0.3:80 -s mh -b mh-fallback
ipvsadm -A -t 10.29.0.4:80 -s sh -b flag-2
ipvsadm -A -t 10.29.0.5:80 -b flag-1,flag-2,flag-3
ipvsadm -A -t 10.29.0.6:80 -s rr -b ''
ipvsadm -A -t 10.29.0.7:80 -b mh-port
