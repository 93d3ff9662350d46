ipvsadm -A -t 127.0.0.1:80 -s rr
ipvsadm -a -t 127.0.0.1:80 -r 127.0.0.1:443 -m
ipvsadm -a -t 127.0.0.1:80 -r 127.0.0.1:8899 -m -w 2
ipvsadm -A -u 127.0.0.1:domain -s rr
ipvsadm -a -u 127.0.0.1:domain -r 127.0.0.1:53 -m
ipvsadm -A -t 127.0.0.1:https -s wlc -p 60
ipvsadm -A -f 4 -s rr
ipvsadm -a -f 4 -r 127.0.0.1:80 -g
ipvsadm -L
