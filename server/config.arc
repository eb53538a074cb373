@aws
runtime nodejs22.x
memory 1024
timeout 15
