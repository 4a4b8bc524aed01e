import ipaddress
rows=[]
for f in ('ips.tsv','azure.tsv'):
    for line in open(f):
        ip,cidr,pid,name,cat=line.rstrip('\n').split('\t')
        rows.append((int(ipaddress.IPv4Address(ip)),int(cidr),name,cat))
# patricia: same (masked net, cidr) -> last wins
pref={}
for net,c,name,cat in rows:
    mask=(0xffffffff<<(32-c))&0xffffffff if c else 0
    pref[(net&mask,c)]=(name,cat)
# flatten: sweep by sorting prefixes by length, paint
events=sorted(pref.items(), key=lambda kv:(kv[0][1]))
# build interval list via recursive painting using sorted boundaries
bounds=set([0,2**32])
for (n,c),v in pref.items():
    bounds.add(n); bounds.add(n+2**(32-c))
bounds=sorted(bounds)
import bisect
label=[None]*(len(bounds)-1)
for (n,c),v in sorted(pref.items(), key=lambda kv:kv[0][1]):
    i=bisect.bisect_left(bounds,n); j=bisect.bisect_left(bounds,n+2**(32-c))
    for k in range(i,j): label[k]=v
iv=[]
for k in range(len(label)):
    if iv and iv[-1][1]==label[k]: continue
    iv.append((bounds[k],label[k]))
print(len(pref),len(iv), sum(1 for a in iv if a[1]))
import json
json.dump(iv,open('iv.json','w'))
