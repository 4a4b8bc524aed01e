/*
 * Flow Script Studio: prints the protocol, category and breed tables of the installed nDPI
 * library as JSON, through the library's public functions, so that api/ndpi can be checked
 * against a real build (see compare-dump.ts and docs/ndpi-protocols.md).
 *
 * Build and run on Debian 12 (libndpi-dev 4.2-2):
 *   gcc -DNDPI_LIB_COMPILATION -o /tmp/dump-ndpi api/ndpi/verify/dump-ndpi.c $(pkg-config --cflags --libs libndpi)
 *   /tmp/dump-ndpi > /tmp/ndpi-dump.json
 *   node --import tsx api/ndpi/verify/compare-dump.ts /tmp/ndpi-dump.json
 *
 * NDPI_LIB_COMPILATION exposes the detection module's layout, needed for the port tables.
 */
#include <stdio.h>
#include <string.h>
#include <ndpi/ndpi_api.h>

/* Exported by the library but not declared in its installed headers. */
extern void *ndpi_tfind(const void *key, void *rootp, int (*compar)(const void *, const void *));

static int by_port(const void *a, const void *b) {
  const ndpi_default_ports_tree_node_t *x = a, *y = b;
  return x->default_port == y->default_port ? 0 : (x->default_port < y->default_port ? -1 : 1);
}

static void json_string(const char *s) {
  if (!s) { fputs("null", stdout); return; }
  putchar('"');
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') putchar('\\');
    putchar(*s);
  }
  putchar('"');
}

static void port_list(const u_int16_t *ports) {
  int first = 1;
  putchar('[');
  for (int j = 0; j < MAX_DEFAULT_PORTS; j++)
    if (ports[j]) { printf("%s%u", first ? "" : ",", ports[j]); first = 0; }
  putchar(']');
}

/* Which protocol the library's port table holds for each port, as [port, id] pairs. */
static void port_table(const char *key, ndpi_default_ports_tree_node_t *root) {
  int first = 1;
  printf(",\n\"%s\":[", key);
  for (unsigned port = 1; port < 65536; port++) {
    ndpi_default_ports_tree_node_t probe;
    memset(&probe, 0, sizeof probe);
    probe.default_port = (u_int16_t)port;
    void *found = ndpi_tfind(&probe, (void *)&root, by_port);
    if (!found) continue;
    printf("%s[%u,%u]", first ? "" : ",", port, (*(ndpi_default_ports_tree_node_t **)found)->proto->protoId);
    first = 0;
  }
  putchar(']');
}

int main(void) {
  struct ndpi_detection_module_struct *mod = ndpi_init_detection_module(ndpi_no_prefs);
  NDPI_PROTOCOL_BITMASK all;
  NDPI_BITMASK_SET_ALL(all);
  ndpi_set_protocol_detection_bitmask2(mod, &all);
  ndpi_finalize_initialization(mod);

  ndpi_proto_defaults_t *defaults = ndpi_get_proto_defaults(mod);
  unsigned count = ndpi_get_num_supported_protocols(mod);
  printf("{\"revision\":");
  json_string(ndpi_revision());
  printf(",\n\"protocols\":[\n");
  for (unsigned id = 0; id < count; id++) {
    printf("%s{\"id\":%u,\"name\":", id ? ",\n" : "", id);
    json_string(defaults[id].protoName);
    printf(",\"category\":%d,\"breed\":%d,\"clearText\":%u,\"tcp\":", (int)defaults[id].protoCategory,
           (int)defaults[id].protoBreed, defaults[id].isClearTextProto);
    port_list(defaults[id].tcp_default_ports);
    printf(",\"udp\":");
    port_list(defaults[id].udp_default_ports);
    putchar('}');
  }
  printf("],\n\"categories\":[");
  for (int id = 0; id <= (int)NDPI_PROTOCOL_NUM_CATEGORIES + 2; id++) {
    printf("%s[%d,", id ? "," : "", id);
    json_string(ndpi_category_get_name(mod, (ndpi_protocol_category_t)id));
    putchar(']');
  }
  printf("],\n\"breeds\":[");
  for (int id = 0; id <= NUM_BREEDS; id++) {
    printf("%s[%d,", id ? "," : "", id);
    json_string(ndpi_get_proto_breed_name(mod, (ndpi_protocol_breed_t)id));
    putchar(']');
  }
  putchar(']');
  port_table("tcp_port_table", mod->tcpRoot);
  port_table("udp_port_table", mod->udpRoot);

  /* Labels for every (master, app) pair of known ids would be large; print the pairs
     whose form matters: none, equal, unknown app, unknown master, two names. */
  printf(",\n\"labels\":[");
  const unsigned pairs[][2] = {{0, 0}, {7, 7}, {91, 126}, {5, 0}, {0, 91}, {91, 0}, {260, 260}, {0, 200}, {188, 124}, {10, 16}, {5, 119}, {7, 126}, {91, 26}};
  for (unsigned k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
    char name[128], ids[32];
    ndpi_protocol proto;
    memset(&proto, 0, sizeof proto);
    proto.master_protocol = (u_int16_t)pairs[k][0];
    proto.app_protocol = (u_int16_t)pairs[k][1];
    printf("%s{\"master\":%u,\"app\":%u,\"label\":", k ? "," : "", pairs[k][0], pairs[k][1]);
    json_string(ndpi_protocol2name(mod, proto, name, sizeof name));
    printf(",\"ids\":");
    json_string(ndpi_protocol2id(mod, proto, ids, sizeof ids));
    printf(",\"encrypted\":%u}", ndpi_is_encrypted_proto(mod, proto));
  }
  printf("]}\n");
  ndpi_exit_detection_module(mod);
  return 0;
}
