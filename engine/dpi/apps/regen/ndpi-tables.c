#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <arpa/inet.h>
#include <ndpi/ndpi_api.h>
extern ndpi_protocol_match host_match[];
extern ndpi_network host_protocol_list[];
extern ndpi_network ndpi_protocol_microsoft_azure_protocol_list[];
extern ndpi_category_match category_match[];
extern ndpi_tls_cert_name_match tls_certificate_match[];
static struct ndpi_detection_module_struct *m;
static const char *cat(int c){ return ndpi_category_get_name(m,(ndpi_protocol_category_t)c); }
static const char *pcat(int id){ ndpi_protocol p; memset(&p,0,sizeof p); p.app_protocol=id; return cat(ndpi_get_proto_category(m,p)); }
int main(int argc,char**argv){
  NDPI_PROTOCOL_BITMASK all;
  m = ndpi_init_detection_module(ndpi_no_prefs);
  NDPI_BITMASK_SET_ALL(all); ndpi_set_protocol_detection_bitmask2(m,&all); ndpi_finalize_initialization(m);
  if(argc>1 && !strcmp(argv[1],"hosts")) for(int i=0;host_match[i].string_to_match;i++)
    printf("%s\t%s\t%d\t%s\t%d\t%d\n",host_match[i].string_to_match,ndpi_get_proto_name(m,host_match[i].protocol_id),host_match[i].protocol_id,cat(host_match[i].protocol_category),host_match[i].protocol_breed,host_match[i].level);
  if(argc>1 && !strcmp(argv[1],"ips")) for(int i=0;host_protocol_list[i].network;i++){
    struct in_addr a; a.s_addr=htonl(host_protocol_list[i].network);
    printf("%s\t%d\t%d\t%s\t%s\n",inet_ntoa(a),host_protocol_list[i].cidr,host_protocol_list[i].value,ndpi_get_proto_name(m,host_protocol_list[i].value),pcat(host_protocol_list[i].value));}
  if(argc>1 && !strcmp(argv[1],"azure")) for(int i=0;ndpi_protocol_microsoft_azure_protocol_list[i].network;i++){
    struct in_addr a; a.s_addr=htonl(ndpi_protocol_microsoft_azure_protocol_list[i].network);
    printf("%s\t%d\t%d\t%s\t%s\n",inet_ntoa(a),ndpi_protocol_microsoft_azure_protocol_list[i].cidr,ndpi_protocol_microsoft_azure_protocol_list[i].value,ndpi_get_proto_name(m,ndpi_protocol_microsoft_azure_protocol_list[i].value),pcat(ndpi_protocol_microsoft_azure_protocol_list[i].value));}
  if(argc>1 && !strcmp(argv[1],"cats")) for(int i=0;category_match[i].string_to_match;i++) printf("%s\t%s\n",category_match[i].string_to_match,cat(category_match[i].protocol_category));
  if(argc>1 && !strcmp(argv[1],"certs")) for(int i=0;tls_certificate_match[i].string_to_match;i++) printf("%s\t%s\n",tls_certificate_match[i].string_to_match,ndpi_get_proto_name(m,tls_certificate_match[i].protocol_id));
  if(argc>1 && !strcmp(argv[1],"match")){ char line[1024];
    while(fgets(line,sizeof line,stdin)){ line[strcspn(line,"\r\n")]=0;
      struct ndpi_flow_struct *f=calloc(1,SIZEOF_FLOW_STRUCT); ndpi_protocol_match_result r; memset(&r,0,sizeof r);
      u_int16_t id=ndpi_match_host_subprotocol(m,f,line,strlen(line),&r,NDPI_PROTOCOL_TLS);
      printf("%s\t%s\t%s\t%s\t%s\n",line,id?ndpi_get_proto_name(m,id):"-",r.protocol_id?ndpi_get_proto_name(m,r.protocol_id):"-",cat(r.protocol_category),cat(f->category)); free(f);} }
  if(argc>1 && !strcmp(argv[1],"ip")){ char line[256];
    while(fgets(line,sizeof line,stdin)){ line[strcspn(line,"\r\n")]=0; struct in_addr a; inet_aton(line,&a);
      u_int16_t id=ndpi_network_ptree_match(m,&a); printf("%s\t%s\n",line,id?ndpi_get_proto_name(m,id):"-");}}
  return 0;
}
