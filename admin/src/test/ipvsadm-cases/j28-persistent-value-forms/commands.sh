ipvsadm -A -t 10.28.0.1:80 -s rr -p600
ipvsadm -A -t 10.28.0.2:80 -s rr --persistent 45
ipvsadm -A -t 10.28.0.3:80 -s rr --persistent=1
ipvsadm -A -t 10.28.0.4:80 -p -s rr
ipvsadm -A -t 10.28.0.5:80 --persistent -M 255.255.255.240
ipvsadm -A -t 10.28.0.6:0 -p 2678400
ipvsadm -A -t 10.28.0.7:80 -p 2678401
