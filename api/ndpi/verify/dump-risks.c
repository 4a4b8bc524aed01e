/*
 * Flow Script Studio: prints the flow-risk table of the installed nDPI library as JSON (id,
 * printed name, severity, score and the client's share of it), through the library's public
 * functions, so that api/ndpi/risks.ts can be checked against a real build.
 *
 * Build and run on Debian 12 (libndpi-dev 4.2-2):
 *   gcc -o /tmp/dump-risks api/ndpi/verify/dump-risks.c $(pkg-config --cflags --libs libndpi)
 *   /tmp/dump-risks > /tmp/ndpi-risks.json
 *   node --import tsx api/ndpi/verify/compare-risks.ts /tmp/ndpi-risks.json
 */
#include <stdio.h>
#include <ndpi/ndpi_api.h>

int main(void) {
  printf("{\"revision\":\"%s\",\"risks\":[", ndpi_revision());
  for (int id = 0; id < NDPI_MAX_RISK; id++) {
    ndpi_risk_info *info = ndpi_risk2severity((ndpi_risk_enum)id);
    u_int16_t client = 0, server = 0, total = 0;
    if (id > 0) total = ndpi_risk2score((ndpi_risk)1 << id, &client, &server);
    /* The names hold no quotes or backslashes in 4.2; the comparison script rejects any that would. */
    printf("%s\n{\"id\":%d,\"name\":\"%s\",\"severity\":\"%s\",\"score\":%u,\"client\":%u,\"server\":%u,\"clientPercent\":%d}",
           id ? "," : "", id, ndpi_risk2str((ndpi_risk_enum)id), info ? ndpi_severity2str(info->severity) : "",
           total, client, server, info ? (int)info->default_client_risk_pctg : -1);
  }
  printf("\n]}\n");
  return 0;
}
