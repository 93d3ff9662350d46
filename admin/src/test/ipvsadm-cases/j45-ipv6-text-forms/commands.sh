ipvsadm -A -t '[::ffff:0:0]:80' -s rr
ipvsadm -A -t '[1:0:0:2:0:0:0:3]:80' -s rr
ipvsadm -A -t '[1:0:0:2:0:0:3:4]:80' -s rr
ipvsadm -A -t '[0:0:1:0:0:0:0:0]:80' -s rr
ipvsadm -A -t '[2001:DB8:0:0:0:0:0:A]:80' -s rr
ipvsadm -A -t '[1:2:3:4:5:6:7:0]:80' -s rr
ipvsadm -A -u '[::]:53' -s rr
ipvsadm -A -u '[::0.0.0.2]:53' -s rr
