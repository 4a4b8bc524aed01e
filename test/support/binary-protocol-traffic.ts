/**
 * A capture of MQTT, SNMP and STUN conversations, well-formed and not, on their own ports
 * and elsewhere: what the binary dissectors are checked on, against ndpiReader 4.2 in
 * test/integration/binary-vs-ndpi.test.ts. Messages come from scripts/samples/iot-messages.ts.
 */
import { PcapWriter } from '../../engine/capture';
import { TcpSession, type TimedFrame } from '../../scripts/samples/conversations';
import { udpFrame } from '../../scripts/samples/frames';
import * as m from '../../scripts/samples/iot-messages';

export interface TrafficCase {
  /** The client port (41000 and up; server ports are all below), which names the flow in both tools' output. */
  clientPort: number;
  what: string;
}

const CLIENT = '10.0.0.2';
const SERVER = '10.0.0.9';

/** Builds the capture; returns its bytes and the cases in it. */
export function binaryProtocolTraffic(): { pcap: Uint8Array; cases: TrafficCase[] } {
  const frames: TimedFrame[] = [];
  const cases: TrafficCase[] = [];
  let time = 1700000000;
  let clientPort = 41000;
  const udp = (serverPort: number, what: string, messages: [fromClient: boolean, payload: number[]][], client = CLIENT, server = SERVER) => {
    const port = clientPort++;
    let t = (time += 10);
    for (const [fromClient, payload] of messages) {
      frames.push({ time: (t += 0.01), frame: fromClient ? udpFrame(client, port, server, serverPort, payload) : udpFrame(server, serverPort, client, port, payload) });
    }
    cases.push({ clientPort: port, what });
  };
  const tcp = (serverPort: number, what: string, talk: (s: TcpSession) => TcpSession) => {
    const port = clientPort++;
    frames.push(...talk(new TcpSession(CLIENT, port, SERVER, serverPort, (time += 10)).handshake()).close().frames);
    cases.push({ clientPort: port, what });
  };
  const garbage = (n: number, seed: number) => Array.from({ length: n }, (_, i) => (seed * 131 + i * 71 + 7) & 0xff);

  // MQTT
  const mqttSession = (s: TcpSession) =>
    s.clientSends(m.mqttConnect('flowscript')).serverSends(m.mqttConnack()).clientSends(m.mqttPublish('sensors/temp', '21.5')).clientSends(m.mqttDisconnect());
  tcp(1883, 'MQTT session on 1883', mqttSession);
  tcp(40100, 'MQTT session on another port', mqttSession);
  tcp(40101, 'MQTT subscribe and ping', (s) => s.clientSends(m.mqttSubscribe(1, 'a/b')).serverSends(m.mqttSuback(1)).clientSends(m.mqttPingreq()));
  tcp(40102, 'MQTT-like byte with a wrong length', (s) => s.clientSends([0x10, 0x20, 1, 2, 3]));
  tcp(40103, 'MQTT CONNECT with flags set', (s) => s.clientSends([0x12, ...m.mqttConnect('x').slice(1)]));
  tcp(1883, 'garbage on 1883', (s) => s.clientSends(garbage(50, 8)));

  // SNMP
  const get = (v: number, id = 1234) => m.snmpMessage(v, 'public', m.SNMP_GET, id, '1.3.6.1.2.1.1.1.0');
  const response = (v: number, id = 1234) => m.snmpMessage(v, 'public', m.SNMP_RESPONSE, id, '1.3.6.1.2.1.1.1.0', 'Linux router');
  udp(161, 'SNMPv2c get and response', [[true, get(1)], [false, response(1)]]);
  udp(161, 'SNMPv1 get', [[true, get(0)]]);
  udp(161, 'SNMP version 3 byte', [[true, get(3)]]);
  udp(162, 'SNMPv2c trap', [[true, m.snmpMessage(1, 'public', m.SNMP_TRAP_V2, 5, '1.3.6.1.6.3.1.1.4.1.0', 'trap')]]);
  udp(161, 'SNMP with version 2 (invalid)', [[true, get(2)]]);
  const wrongLength = get(1);
  wrongLength[1] = wrongLength[1]! + 3;
  udp(161, 'SNMP with a wrong outer length', [[true, wrongLength]]);
  udp(161, 'too short for SNMP', [[true, [0x30, 0x05, 1, 2, 3, 4, 5]]]);
  udp(1162, 'SNMPv1 get off its ports', [[true, get(0, 7)]]);
  udp(5161, 'SNMPv2c get and response off its ports', [[true, get(1)], [false, response(1)]]);

  // STUN
  const tx = m.stunTransactionId(5);
  udp(3478, 'STUN binding on 3478', [[true, m.stunBindingRequest(tx)], [false, m.stunBindingResponse(tx, '203.0.113.5', 41000)]]);
  udp(40200, 'STUN binding with SOFTWARE on another port', [[true, m.stunBindingRequest(tx, 'flowscript')], [false, m.stunBindingResponse(tx, '203.0.113.5', 41001)]]);
  udp(40201, 'STUN empty binding request alone', [[true, m.stunBindingRequest(tx)]]);
  udp(40202, 'STUN response alone', [[false, m.stunBindingResponse(tx, '203.0.113.5', 41002)]]);
  const noCookie = m.stunBindingRequest(tx, 'abcd');
  noCookie.splice(4, 4, 1, 2, 3, 4);
  udp(40203, 'classic STUN without the magic cookie', [[true, noCookie]]);
  const allocateError = m.stunBindingRequest(tx, 'abcd');
  allocateError.splice(0, 2, 0x01, 0x13);
  udp(40204, 'STUN Allocate error response', [[true, allocateError]]);
  const unknownMethod = m.stunBindingRequest(tx, 'abcd');
  unknownMethod.splice(0, 2, 0x00, 0x0c);
  udp(40205, 'STUN-shaped with method 0x00c', [[true, unknownMethod]]);
  const badLength = m.stunBindingRequest(tx, 'abc');
  badLength[3] = badLength[3]! + 4;
  udp(40206, 'STUN with a wrong length', [[true, badLength]]);
  udp(40207, 'STUN of 620 bytes', [[true, m.stunBindingRequest(tx, 'x'.repeat(600))]]);
  udp(3478, 'garbage on 3478', [[true, garbage(40, 12)], [false, garbage(40, 13)]]);
  udp(3479, 'garbage on 3479', [[true, garbage(40, 10)]]);
  udp(40208, 'STUN binding over IPv6', [[true, m.stunBindingRequest(tx, 'flowscript')], [false, m.stunBindingResponse(tx, '203.0.113.5', 41003)]], '2001:db8::2', '2001:db8::9');
  udp(40209, 'STUN binding request to a multicast group', [[true, m.stunBindingRequest(tx, 'flowscript')]], CLIENT, '239.1.2.3');

  const writer = new PcapWriter({ linkType: 1, resolution: 'us' });
  frames.sort((a, b) => a.time - b.time).forEach(({ time: t, frame }) => {
    const sec = Math.floor(t);
    writer.packet({ sec, nsec: Math.round((t - sec) * 1e6) * 1000, data: frame });
  });
  return { pcap: writer.toBytes(), cases };
}
