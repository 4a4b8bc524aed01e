/**
 * MQTT, SNMP and STUN conversations, well-formed and not, on their own ports and
 * elsewhere, IPv6 and multicast: the binary/ dissectors' cases. Messages come from
 * scripts/samples/iot-messages.ts. The one accepted difference: nDPI 4.2 calls the SNMP
 * exchange off its ports Skype_Teams (its UDP Skype heuristic, which we do not have).
 */
import type { TcpSession } from '../../../scripts/samples/conversations';
import * as m from '../../../scripts/samples/iot-messages';
import type { TrafficBuilder, TrafficSet } from './builder';

export const BINARY_TRAFFIC: TrafficSet = {
  name: 'MQTT, SNMP and STUN',
  knownGaps: ['SNMPv2c get and response off its ports'],
  build(t: TrafficBuilder): void {
    // MQTT
    const mqttSession = (s: TcpSession) =>
      s.clientSends(m.mqttConnect('flowscript')).serverSends(m.mqttConnack()).clientSends(m.mqttPublish('sensors/temp', '21.5')).clientSends(m.mqttDisconnect());
    t.tcp(1883, 'MQTT session on 1883', mqttSession);
    t.tcp(40100, 'MQTT session on another port', mqttSession);
    t.tcp(40101, 'MQTT subscribe and ping', (s) => s.clientSends(m.mqttSubscribe(1, 'a/b')).serverSends(m.mqttSuback(1)).clientSends(m.mqttPingreq()));
    t.tcp(40102, 'MQTT-like byte with a wrong length', (s) => s.clientSends([0x10, 0x20, 1, 2, 3]));
    t.tcp(40103, 'MQTT CONNECT with flags set', (s) => s.clientSends([0x12, ...m.mqttConnect('x').slice(1)]));
    t.tcp(1883, 'garbage on 1883', (s) => s.clientSends(t.garbage(50, 8)));

    // SNMP
    const get = (v: number, id = 1234) => m.snmpMessage(v, 'public', m.SNMP_GET, id, '1.3.6.1.2.1.1.1.0');
    const response = (v: number, id = 1234) => m.snmpMessage(v, 'public', m.SNMP_RESPONSE, id, '1.3.6.1.2.1.1.1.0', 'Linux router');
    t.udp(161, 'SNMPv2c get and response', [[true, get(1)], [false, response(1)]]);
    t.udp(161, 'SNMPv1 get', [[true, get(0)]]);
    t.udp(161, 'SNMP version 3 byte', [[true, get(3)]]);
    t.udp(162, 'SNMPv2c trap', [[true, m.snmpMessage(1, 'public', m.SNMP_TRAP_V2, 5, '1.3.6.1.6.3.1.1.4.1.0', 'trap')]]);
    t.udp(161, 'SNMP with version 2 (invalid)', [[true, get(2)]]);
    const wrongLength = get(1);
    wrongLength[1] = wrongLength[1]! + 3;
    t.udp(161, 'SNMP with a wrong outer length', [[true, wrongLength]]);
    t.udp(161, 'too short for SNMP', [[true, [0x30, 0x05, 1, 2, 3, 4, 5]]]);
    t.udp(1162, 'SNMPv1 get off its ports', [[true, get(0, 7)]]);
    t.udp(5161, 'SNMPv2c get and response off its ports', [[true, get(1)], [false, response(1)]]);

    // STUN
    const tx = m.stunTransactionId(5);
    t.udp(3478, 'STUN binding on 3478', [[true, m.stunBindingRequest(tx)], [false, m.stunBindingResponse(tx, '203.0.113.5', 41000)]]);
    t.udp(40200, 'STUN binding with SOFTWARE on another port', [[true, m.stunBindingRequest(tx, 'flowscript')], [false, m.stunBindingResponse(tx, '203.0.113.5', 41001)]]);
    t.udp(40201, 'STUN empty binding request alone', [[true, m.stunBindingRequest(tx)]]);
    t.udp(40202, 'STUN response alone', [[false, m.stunBindingResponse(tx, '203.0.113.5', 41002)]]);
    const noCookie = m.stunBindingRequest(tx, 'abcd');
    noCookie.splice(4, 4, 1, 2, 3, 4);
    t.udp(40203, 'classic STUN without the magic cookie', [[true, noCookie]]);
    const allocateError = m.stunBindingRequest(tx, 'abcd');
    allocateError.splice(0, 2, 0x01, 0x13);
    t.udp(40204, 'STUN Allocate error response', [[true, allocateError]]);
    const unknownMethod = m.stunBindingRequest(tx, 'abcd');
    unknownMethod.splice(0, 2, 0x00, 0x0c);
    t.udp(40205, 'STUN-shaped with method 0x00c', [[true, unknownMethod]]);
    const badLength = m.stunBindingRequest(tx, 'abc');
    badLength[3] = badLength[3]! + 4;
    t.udp(40206, 'STUN with a wrong length', [[true, badLength]]);
    t.udp(40207, 'STUN of 620 bytes', [[true, m.stunBindingRequest(tx, 'x'.repeat(600))]]);
    t.udp(3478, 'garbage on 3478', [[true, t.garbage(40, 12)], [false, t.garbage(40, 13)]]);
    t.udp(3479, 'garbage on 3479', [[true, t.garbage(40, 10)]]);
    t.udp(40208, 'STUN binding over IPv6', [[true, m.stunBindingRequest(tx, 'flowscript')], [false, m.stunBindingResponse(tx, '203.0.113.5', 41003)]], '2001:db8::2', '2001:db8::9');
    t.udp(40209, 'STUN binding request to a multicast group', [[true, m.stunBindingRequest(tx, 'flowscript')]], '10.0.0.2', '239.1.2.3');
  },
};
