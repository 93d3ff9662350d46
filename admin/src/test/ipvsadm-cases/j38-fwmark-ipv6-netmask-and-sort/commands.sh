ipvsadm -A -f 38 -6 -s rr -p 60 -M 48
ipvsadm -A -f 38 -s rr
ipvsadm -A -f 2 -6 -s rr
ipvsadm -A -t '[fd00::38]:80' -s rr -p -M 128
ipvsadm -A -t '[2001:db8::38]:80' -s rr -p 10 -M 96
ipvsadm -A -u 10.38.0.1:53 -s rr
ipvsadm -A -t 192.168.38.1:80 -s rr
