import json, collections, ipaddress
import os, sys
out=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..') + '/'
def q(s): return "'" + s.replace('\\','\\\\').replace("'","\\'") + "'"
# ---- host rules
groups=collections.OrderedDict(); levels={}
for line in open('hosts.tsv'):
    pat,app,pid,cat,breed,level=line.rstrip('\n').split('\t')
    groups.setdefault((app,cat),[]).append(pat)
    if int(level): levels[pat]=int(level)
cgroups=collections.OrderedDict(); ipcats=collections.OrderedDict()
for line in open('cats.tsv'):
    pat,cat=line.rstrip('\n').split('\t')
    if all(c in '0123456789./' for c in pat): ipcats.setdefault(cat,[]).append(pat if '/' in pat else pat+'/32'); continue
    cgroups.setdefault(cat,[]).append(pat)
L=[]
L.append('// Generated data: the host-name tables of nDPI 4.2 (tag 4.2, commit 8b5c6af7), as facts:')
L.append('// each pattern, the application nDPI names for it and the category it gives that match.')
L.append('// Matching rules live in host-apps.ts. Do not edit by hand; see README.md in this folder.')
L.append('')
L.append('export interface HostRuleGroup {')
L.append('  readonly app: string;')
L.append('  readonly category: string;')
L.append('  readonly patterns: readonly string[];')
L.append('}')
L.append('')
L.append('/** Host patterns → application (nDPI 4.2: %d patterns). */' % sum(len(v) for v in groups.values()))
L.append('export const HOST_RULE_GROUPS: readonly HostRuleGroup[] = [')
for (app,cat),pats in groups.items():
    L.append('  {')
    L.append('    app: %s,' % q(app))
    L.append('    category: %s,' % q(cat))
    L.append('    patterns: [')
    for p in pats: L.append('      %s,' % q(p))
    L.append('    ],')
    L.append('  },')
L.append('];')
L.append('')
L.append('/** Patterns whose precedence nDPI sets by hand instead of from their number of labels. */')
L.append('export const HOST_RULE_LEVELS: Readonly<Record<string, number>> = {')
for p,l in levels.items(): L.append('  %s: %d,' % (q(p),l))
L.append('};')
L.append('')
L.append('/** Host patterns → category only; it replaces the category of the flow (nDPI 4.2: %d patterns). */' % sum(len(v) for v in cgroups.values()))
L.append('export const HOST_CATEGORY_GROUPS: readonly { readonly category: string; readonly patterns: readonly string[] }[] = [')
for cat,pats in cgroups.items():
    L.append('  {')
    L.append('    category: %s,' % q(cat))
    L.append('    patterns: [')
    for p in pats: L.append('      %s,' % q(p))
    L.append('    ],')
    L.append('  },')
L.append('];')
open(out+'host-rules.ts','w').write('\n'.join(L)+'\n')
# ---- ip ranges
iv=json.load(open('iv.json'))
by=collections.OrderedDict()
for k,(s,lab) in enumerate(iv):
    if not lab: continue
    e=iv[k+1][0] if k+1<len(iv) else 2**32
    nets=list(ipaddress.summarize_address_range(ipaddress.IPv4Address(s),ipaddress.IPv4Address(e-1)))
    by.setdefault(tuple(lab),[]).extend(str(x) for x in nets)
L=[]
L.append('// Generated data: the IPv4 address tables of nDPI 4.2 (tag 4.2, commit 8b5c6af7), as facts.')
L.append('// nDPI loads its networks into a longest-prefix tree (later duplicates replace earlier ones);')
L.append('// this is the same mapping flattened: every block below is covered by exactly one application,')
L.append('// blocks never overlap. Do not edit by hand; see README.md in this folder.')
L.append('')
L.append('export interface AddressGroup {')
L.append('  readonly app: string;')
L.append('  readonly category: string;')
L.append('  /** Space-separated IPv4 CIDR blocks. */')
L.append('  readonly blocks: string;')
L.append('}')
L.append('')
L.append('export const ADDRESS_GROUPS: readonly AddressGroup[] = [')
for (app,cat),nets in sorted(by.items(), key=lambda kv: kv[0][0].lower()):
    L.append('  {')
    L.append('    app: %s,' % q(app))
    L.append('    category: %s,' % q(cat))
    L.append('    blocks:')
    chunk=[]; lines=[]
    for n in nets:
        chunk.append(n)
        if len(chunk)==6: lines.append(' '.join(chunk)); chunk=[]
    if chunk: lines.append(' '.join(chunk))
    for i,l in enumerate(lines):
        L.append('      %s%s' % (q(l + (' ' if i < len(lines)-1 else '')), ' +' if i < len(lines)-1 else ','))
    L.append('  },')
L.append('];')
L.append('')
L.append('/** Address blocks that set only the category of a flow (nDPI 4.2 category table). */')
L.append('export const ADDRESS_CATEGORY_GROUPS: readonly { readonly category: string; readonly blocks: string }[] = [')
for cat,nets in ipcats.items():
    L.append('  { category: %s, blocks: %s },' % (q(cat), q(' '.join(nets))))
L.append('];')
open(out+'ip-ranges.ts','w').write('\n'.join(L)+'\n')
