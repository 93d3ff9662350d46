ipvsadm -A -t 10.16.0.1:80 -s lc -p 300
ipvsadm -a -t 10.16.0.1:80 -r 10.16.1.1 -m -x 2147483647 -y 100
ipvsadm -a -t 10.16.0.1:80 -r 10.16.1.2 -g -w 0 -x 50
ipvsadm -A -t '[2001:db8:16::1]:80' -s lc
ipvsadm -a -t '[2001:db8:16::1]:80' -r '[2001:db8:16::abcd:1234]:8080' -m -w 65535
ipvsadm -L -n --persistent-conn
