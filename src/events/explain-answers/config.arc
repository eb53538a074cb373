@aws
runtime typescript
memory 512
timeout 60
