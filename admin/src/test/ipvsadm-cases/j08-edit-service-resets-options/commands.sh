ipvsadm -A -u 10.8.0.1:5060 -s sh -b sh-fallback,sh-port -p 120 -M 255.255.255.0 --pe sip -o
ipvsadm -a -u 10.8.0.1:5060 -r 10.8.1.1 -m
ipvsadm -A -u 10.8.0.2:5060 -s rr -p 30
ipvsadm -E -u 10.8.0.1:5060 -p
ipvsadm --edit-service --udp-service 10.8.0.2:5060 --scheduler wrr --ops
