ipvsadm -A -t 10.9.0.1:80 -s wrr
ipvsadm -a -t 10.9.0.1:80 -r 10.9.1.1:8080 -m -w 4 -x 100 -y 10
ipvsadm -a -t 10.9.0.1:80 -r 10.9.1.2 -m -w 2
ipvsadm -e -t 10.9.0.1:80 -r 10.9.1.2 -w 7
ipvsadm -e -t 10.9.0.1:80 -r 10.9.1.1:8080 -w 5
