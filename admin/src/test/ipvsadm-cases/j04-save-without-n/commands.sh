ipvsadm -A -t localhost:www -s rr
ipvsadm -a -t localhost:www -r localhost:https -m
ipvsadm -A -u localhost:53 -s sh -b sh-port
ipvsadm -A -f 9 -s rr
ipvsadm -a -f 9 -r localhost:443 -i
ipvsadm -S
