import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyHost, classifyHostCategory, domainLevel, HOST_PATTERN_COUNTS } from '../../engine/dpi/apps/host-apps';
import { HOST_RULE_GROUPS } from '../../engine/dpi/apps/host-rules';
import { addressBlockCount, classifyAddress, classifyAddressCategory, isPublicIPv4, ipv4ToNumber } from '../../engine/dpi/apps/ip-apps';
import { loadGroundTruths, type GroundTruthFlow } from '../support/ground-truth';

/** The ground-truth fields these tests read beyond the shared GroundTruthFlow. */
type LabelledFlow = GroundTruthFlow & {
  master: string | null;
  app: string;
  category: string | null;
  confidence: string;
};

const HOST_MASTERS = new Set(['TLS', 'DNS', 'QUIC', 'HTTP']);

function labelledFlows(): { capture: string; flow: LabelledFlow }[] {
  return loadGroundTruths().flatMap((t) => t.flows.map((flow) => ({ capture: t.capture, flow: flow as LabelledFlow })));
}

/** nDPI 4.2 looks the client (first packet's source) up first, then the server. */
function addressApp(flow: LabelledFlow): ReturnType<typeof classifyAddress> {
  return classifyAddress(flow.client.ip) ?? classifyAddress(flow.server.ip);
}

test('ground truth: every DPI host label of a TLS/DNS/QUIC/HTTP flow is the host rule\'s application', () => {
  const seen = new Map<string, string>();
  const exceptions: string[] = [];
  let checked = 0;
  for (const { capture, flow } of labelledFlows()) {
    if (flow.confidence !== 'DPI' || !flow.master || !HOST_MASTERS.has(flow.master) || !flow.host) continue;
    checked++;
    const hit = classifyHost(flow.host);
    if (hit) {
      assert.equal(hit.app, flow.app, `${capture} #${flow.id} ${flow.host}`);
      assert.equal(hit.category, flow.category, `${capture} #${flow.id} ${flow.host} category`);
      seen.set(flow.host, hit.app);
      continue;
    }
    // No host rule: nDPI took the application from an address (a plain DNS/HTTP/TLS
    // detection plus a known address becomes "DNS.Google"), keeping a host category if any.
    const byIp = addressApp(flow);
    assert.ok(byIp, `${capture} #${flow.id} ${flow.host}: no host rule and no address match for ${flow.proto}`);
    assert.equal(byIp.app, flow.app, `${capture} #${flow.id} ${flow.host}: address application`);
    assert.equal(classifyHostCategory(flow.host) ?? byIp.category, flow.category, `${capture} #${flow.id} category`);
    exceptions.push(`${capture} #${flow.id} ${flow.proto} host ${flow.host}: app from address ${flow.client.ip} / ${flow.server.ip}`);
  }
  if (exceptions.length) console.log(`host pairs whose application comes from an address:\n  ${exceptions.join('\n  ')}`);
  assert.ok(checked >= 131, `only ${checked} DPI host flows checked`);
  // Every application the ground truth labels from a host is covered by a rule.
  const apps = new Set(seen.values());
  for (const app of ['Google', 'GoogleServices', 'GoogleDocs', 'PlayStore', 'Facebook', 'Instagram', 'WeChat', 'QQ', 'Apple',
    'AppleiCloud', 'AppleiTunes', 'ApplePush', 'AppleSiri', 'Teams', 'DoH_DoT', 'KakaoTalk', 'ntop']) {
    assert.ok(apps.has(app), `no ground-truth host matched ${app}`);
  }
});

test('ground truth: every "Match by IP" flow maps to its application from an address', () => {
  let checked = 0;
  for (const { capture, flow } of labelledFlows()) {
    if (flow.confidence !== 'Match by IP') continue;
    checked++;
    const hit = addressApp(flow);
    assert.ok(hit, `${capture} #${flow.id} ${flow.client.ip} -> ${flow.server.ip}: no address match`);
    assert.equal(hit.app, flow.app, `${capture} #${flow.id}`);
    assert.equal(hit.category, flow.category, `${capture} #${flow.id} category`);
  }
  assert.ok(checked >= 25, `only ${checked} Match-by-IP flows`);
});

test('ground truth: DPI flows without a host whose application is not the protocol come from an address or a certificate', () => {
  const fromAddress: string[] = [];
  for (const { capture, flow } of labelledFlows()) {
    if (flow.confidence !== 'DPI' || !flow.master || !HOST_MASTERS.has(flow.master) || flow.host) continue;
    const hit = addressApp(flow);
    if (flow.app === 'KakaoTalk') {
      // Labelled from the certificate's organisation (O=Kakao), not from the address.
      assert.equal(hit, undefined, `${capture} #${flow.id}`);
      continue;
    }
    assert.equal(hit?.app, flow.app, `${capture} #${flow.id} ${flow.proto} ${flow.server.ip}`);
    fromAddress.push(`${flow.proto} ${flow.server.ip}`);
  }
  assert.ok(fromAddress.length >= 4, fromAddress.join(', '));
});

test('tables: sizes and the applications the issue names', () => {
  assert.ok(HOST_PATTERN_COUNTS.app >= 580, `${HOST_PATTERN_COUNTS.app} host patterns`);
  assert.ok(HOST_PATTERN_COUNTS.category >= 50, `${HOST_PATTERN_COUNTS.category} category patterns`);
  assert.ok(addressBlockCount() > 10000, `${addressBlockCount()} address blocks`);
  const apps = new Set(HOST_RULE_GROUPS.map((g) => g.app));
  for (const app of ['NetFlix', 'Amazon', 'AmazonAWS', 'Microsoft', 'Telegram', 'WhatsApp', 'YouTube', 'Dropbox', 'Spotify', 'Cloudflare']) {
    assert.ok(apps.has(app), `no host rule for ${app}`);
  }
  const cases: [string, string, string][] = [
    ['www.netflix.com', 'NetFlix', 'Video'],
    ['www.amazon.com', 'Amazon', 'Web'],
    ['s3.amazonaws.com', 'AmazonAWS', 'Cloud'],
    ['web.telegram.org', 'Telegram', 'Chat'],
    ['r3---sn-4g5e6nz7.googlevideo.com', 'YouTube', 'Media'],
    ['www.youtube.com', 'YouTube', 'Media'],
    ['e1.whatsapp.net', 'WhatsApp', 'Chat'],
    ['mmg.whatsapp.net', 'WhatsApp', 'Chat'],
    ['media-fra3-1.cdn.whatsapp.net', 'WhatsAppFiles', 'Download'],
    ['www.dropbox.com', 'Dropbox', 'Cloud'],
    ['open.spotify.com', 'Spotify', 'Music'],
    ['update.microsoft.com', 'WindowsUpdate', 'SoftwareUpdate'],
    ['web.wechat.com', 'WeChat', 'Chat'],
  ];
  for (const [host, app, category] of cases) assert.deepEqual(classifyHost(host), { app, category }, host);
});

test('host matching: end-anchored patterns need the end of the name and a boundary before them', () => {
  // "ntop.org" ends the name and has a "." before it ...
  assert.equal(classifyHost('www.ntop.org')?.app, 'ntop');
  assert.equal(classifyHost('ntop.org')?.app, 'ntop');
  // ... but not a longer name, nor one that merely ends in the same letters.
  assert.equal(classifyHost('ntop.org.uk'), undefined);
  assert.equal(classifyHost('myntop.org'), undefined);
  assert.equal(classifyHost('a-ntop.org')?.app, 'ntop'); // "-" counts as a boundary
  // nDPI skips the boundary check when the pattern starts at offset 1 (a quirk kept on purpose).
  assert.equal(classifyHost('xdocs.google.com')?.app, 'GoogleDocs');
  assert.equal(classifyHost('xntop.org')?.app, 'ntop');
  // A pattern with a leading dot needs a subdomain: ".kakao.com" does not match "kakao.com".
  assert.equal(classifyHost('a.kakao.com')?.app, 'KakaoTalk');
  assert.equal(classifyHost('kakao.com'), undefined);
  assert.equal(classifyHost('akakao.com'), undefined);
  // Case is ignored.
  assert.equal(classifyHost('WWW.Facebook.COM')?.app, 'Facebook');
});

test('host matching: patterns ending in "." or "-" match anywhere', () => {
  assert.equal(classifyHost('www.google.it')?.app, 'Google'); // "google."
  assert.equal(classifyHost('xgoogle.it')?.app, 'Google');
  assert.equal(classifyHost('mtalk.google.com.au')?.app, 'Google'); // "mtalk.google.com" must end the name
  assert.equal(classifyHost('fbcdn-video-a.example.org')?.app, 'Facebook'); // "fbcdn-"
  assert.equal(classifyHost('guzzoni.apple.com')?.app, 'AppleSiri'); // "guzzoni.apple."
});

test('host matching: the most specific pattern wins, the exact name first', () => {
  // Longer rules with more labels beat shorter ones.
  assert.equal(classifyHost('android.clients.google.com')?.app, 'PlayStore');
  assert.equal(classifyHost('alt2-mtalk.google.com')?.app, 'GoogleServices');
  assert.equal(classifyHost('upload.youtube.com')?.app, 'YouTubeUpload');
  assert.equal(classifyHost('41-courier.push.apple.com')?.app, 'ApplePush');
  assert.equal(classifyHost('play.itunes.apple.com')?.app, 'AppleiTunes');
  assert.equal(classifyHost('su.itunes.apple.com')?.app, 'AppleStore');
  // "youtube." (one label) is found first but "google.com" (two) replaces it.
  assert.equal(classifyHost('wide-youtube.l.google.com')?.app, 'Google');
  // The pattern that ends the name is not always the winner: levels decide.
  assert.equal(classifyHost('facebook.com.r1.googlevideo.com')?.app, 'YouTube');
  assert.equal(classifyHost('r1.googlevideo.com.facebook.com')?.app, 'Facebook');
  // "instagram." has a hand-set level that beats ".fbcdn.net".
  assert.equal(classifyHost('instagram.faae1-1.fna.fbcdn.net')?.app, 'Instagram');
  // An exact match wins outright.
  assert.equal(classifyHost('dmqdd6hw24ucf.cloudfront.net')?.app, 'AmazonVideo');
  assert.equal(classifyHost('d1.cloudfront.net')?.app, 'AmazonAWS');
  assert.equal(classifyHost('cloudfront.net'), undefined);
});

test('host matching: category-only patterns replace the application category', () => {
  assert.deepEqual(classifyHost('captive.apple.com'), { app: 'Apple', category: 'ConnCheck' });
  assert.deepEqual(classifyHost('www.apple.com'), { app: 'Apple', category: 'Web' });
  assert.equal(classifyHost('pic.1kxun.com'), undefined);
  assert.equal(classifyHostCategory('pic.1kxun.com'), 'Streaming');
  assert.equal(classifyHostCategory('www.example.com'), undefined);
  // A host that is an address uses the address category table.
  assert.equal(classifyHostCategory('8.4.4.8'), 'Streaming');
  assert.equal(classifyHostCategory('8.4.5.8'), undefined);
  assert.equal(classifyAddressCategory('199.200.51.7'), 'Streaming');
});

test('domain levels as nDPI counts them', () => {
  assert.equal(domainLevel('google.com'), 2);
  assert.equal(domainLevel('.google.com'), 2);
  assert.equal(domainLevel('youtube.'), 1);
  assert.equal(domainLevel('.google.'), 1);
  assert.equal(domainLevel('a.b.c'), 3);
  assert.equal(domainLevel('fbcdn-'), 1);
  assert.equal(domainLevel('a..b'), 0);
  assert.equal(domainLevel('.-a'), 0);
});

test('address matching: longest prefix, public IPv4 only, no IPv6 table', () => {
  assert.deepEqual(classifyAddress('216.58.212.100'), { app: 'Google', category: 'Web' });
  assert.deepEqual(classifyAddress('172.70.3.5'), { app: 'Cloudflare', category: 'Web' });
  assert.deepEqual(classifyAddress('54.255.253.199'), { app: 'AmazonAWS', category: 'Cloud' });
  assert.deepEqual(classifyAddress('203.205.151.162'), { app: 'WeChat', category: 'Chat' });
  assert.deepEqual(classifyAddress('31.13.87.36'), { app: 'Facebook', category: 'SocialNetwork' });
  // A more specific block inside Facebook's 31.13.64.0/18 belongs to WhatsApp or Instagram.
  assert.notEqual(classifyAddress('31.13.64.51')?.app, undefined);
  assert.equal(classifyAddress('8.8.8.8')?.app, 'Google');
  // Block edges: 8.8.8.0/24 is Google, its neighbours are not.
  assert.equal(classifyAddress('8.8.8.0')?.app, 'Google');
  assert.equal(classifyAddress('8.8.8.255')?.app, 'Google');
  assert.equal(classifyAddress('8.8.7.255'), undefined);
  assert.equal(classifyAddress('8.8.9.0'), undefined);
  // Private and multicast addresses are never looked up; IPv6 has no table in nDPI 4.2.
  assert.equal(classifyAddress('192.168.1.1'), undefined);
  assert.equal(classifyAddress('10.1.2.3'), undefined);
  assert.equal(classifyAddress('2a03:2880:1010:6f03:face:b00c::2'), undefined);
  assert.equal(classifyAddress('not an address'), undefined);
  assert.equal(classifyAddress('256.1.1.1'), undefined);
  assert.equal(isPublicIPv4(ipv4ToNumber('172.31.255.255')!), false);
  assert.equal(isPublicIPv4(ipv4ToNumber('172.32.0.0')!), true);
  assert.equal(isPublicIPv4(ipv4ToNumber('224.0.0.1')!), false);
});

