// Stemma's LZ4 block codec against the reference liblz4, block by block (64 KB): each decoder must
// read the other's blocks, and the ratios and speeds are printed side by side. Built by lz4-check.sh.
#include <lz4.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "StemmaKernels.h"
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(int argc,char**argv){
  FILE*f=fopen(argv[1],"rb");fseek(f,0,SEEK_END);long n=ftell(f);fseek(f,0,SEEK_SET);
  unsigned char*src=malloc(n);fread(src,1,n,f);fclose(f);
  size_t B=65536; unsigned char*dst=malloc(stemma_lz4_bound(B)),*back=malloc(B+64),*ref=malloc(LZ4_compressBound(B));
  long ours=0,theirs=0,in=0; double t0,tOurs=0,tTheirs=0; int bad=0;
  // Every seventh block has an odd length, to exercise the end-of-block rules.
  for(long off=0;off<n;off+=B){
    size_t len = (off/B)%7==3 ? (size_t)((off/B)*37%B+1) : (n-off<(long)B?(size_t)(n-off):B);
    if(off+(long)len>n) len=n-off;
    in+=len;
    t0=now(); size_t c=stemma_lz4_compress(src+off,len,dst,stemma_lz4_bound(B)); tOurs+=now()-t0; ours+=c;
    int d=LZ4_decompress_safe((char*)dst,(char*)back,(int)c,(int)B+64);
    if(d!=(int)len||memcmp(back,src+off,len)){bad++; if(bad<5)printf("reference decoder rejects ours at %ld (%d vs %zu)\n",off,d,len);}
    t0=now(); int r=LZ4_compress_default((char*)src+off,(char*)ref,(int)len,LZ4_compressBound(B)); tTheirs+=now()-t0; theirs+=r;
    long e=stemma_lz4_decompress(ref,r,back,B+64);
    if(e!=(long)len||memcmp(back,src+off,len)){bad++; if(bad<5)printf("our decoder rejects reference at %ld (%ld)\n",off,e);}
  }
  printf("%s: %ld bytes in blocks; ours %.3fx %.0f MB/s; liblz4 %.3fx %.0f MB/s; mismatches %d\n",argv[1],in,(double)in/ours,in/tOurs/1e6,(double)in/theirs,in/tTheirs/1e6,bad);
  return bad!=0;
}
