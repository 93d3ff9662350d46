ipvsadm -A -u 10.31.0.1:5060 -s rr -p 60 --pe sip
ipvsadm -A -u 10.31.0.2:5060 -s rr -p 60 --pe foo
