@aws
runtime typescript
memory 2048
timeout 120
