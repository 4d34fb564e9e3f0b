/* Opens libcurl at first use and forwards each ccurl_ function to it (see CCurl.h). */
#include "CCurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#if defined(__APPLE__)
#define CCURL_LIBRARY "libcurl.4.dylib"
#else
#define CCURL_LIBRARY "libcurl.so.4"
#endif

/* The libcurl functions used, as the dynamic linker would have bound them. Written only by `load`, which
 * pthread_once runs exactly once; read-only afterwards (every wrapper runs after ccurl_load() returned NULL). */
static struct {
    void *library;
    __typeof__(curl_global_init) *global_init;
    __typeof__(curl_easy_strerror) *easy_strerror;
    __typeof__(curl_multi_strerror) *multi_strerror;
    __typeof__(curl_easy_init) *easy_init;
    __typeof__(curl_easy_cleanup) *easy_cleanup;
    __typeof__(curl_easy_setopt) *easy_setopt;
    __typeof__(curl_easy_getinfo) *easy_getinfo;
    __typeof__(curl_slist_append) *slist_append;
    __typeof__(curl_slist_free_all) *slist_free_all;
    __typeof__(curl_multi_init) *multi_init;
    __typeof__(curl_multi_cleanup) *multi_cleanup;
    __typeof__(curl_multi_setopt) *multi_setopt;
    __typeof__(curl_multi_add_handle) *multi_add_handle;
    __typeof__(curl_multi_remove_handle) *multi_remove_handle;
    __typeof__(curl_multi_perform) *multi_perform;
    __typeof__(curl_multi_poll) *multi_poll;
    __typeof__(curl_multi_wakeup) *multi_wakeup;
    __typeof__(curl_multi_info_read) *multi_info_read;
} api;
static char load_failure[512];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static int resolve(void **slot, const char *name) {
    *slot = dlsym(api.library, name);
    if (*slot) return 1;
    snprintf(load_failure, sizeof load_failure, "%s has no %s (libcurl 7.68 or newer is needed)", CCURL_LIBRARY,
             name);
    return 0;
}

static void load(void) {
    api.library = dlopen(CCURL_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (!api.library) {
        const char *reason = dlerror();
        snprintf(load_failure, sizeof load_failure, "%s", reason ? reason : CCURL_LIBRARY ": cannot be opened");
        return;
    }
#define CCURL_RESOLVE(field) \
    if (!resolve((void **)&api.field, "curl_" #field)) return;
    CCURL_RESOLVE(global_init)
    CCURL_RESOLVE(easy_strerror)
    CCURL_RESOLVE(multi_strerror)
    CCURL_RESOLVE(easy_init)
    CCURL_RESOLVE(easy_cleanup)
    CCURL_RESOLVE(easy_setopt)
    CCURL_RESOLVE(easy_getinfo)
    CCURL_RESOLVE(slist_append)
    CCURL_RESOLVE(slist_free_all)
    CCURL_RESOLVE(multi_init)
    CCURL_RESOLVE(multi_cleanup)
    CCURL_RESOLVE(multi_setopt)
    CCURL_RESOLVE(multi_add_handle)
    CCURL_RESOLVE(multi_remove_handle)
    CCURL_RESOLVE(multi_perform)
    CCURL_RESOLVE(multi_poll)
    CCURL_RESOLVE(multi_wakeup)
    CCURL_RESOLVE(multi_info_read)
#undef CCURL_RESOLVE
}

const char *ccurl_load(void) {
    pthread_once(&load_once, load);
    return load_failure[0] ? load_failure : NULL;
}

void *ccurl_symbol(const char *name) { return dlsym(api.library, name); }

CURLcode ccurl_global_init(long flags) { return api.global_init(flags); }
const char *ccurl_easy_strerror(CURLcode code) { return api.easy_strerror(code); }
const char *ccurl_multi_strerror(CURLMcode code) { return api.multi_strerror(code); }

CURL *ccurl_easy_init(void) { return api.easy_init(); }
void ccurl_easy_cleanup(CURL *handle) { api.easy_cleanup(handle); }
struct curl_slist *ccurl_slist_append(struct curl_slist *list, const char *line) {
    return api.slist_append(list, line);
}
void ccurl_slist_free_all(struct curl_slist *list) { api.slist_free_all(list); }

CURLM *ccurl_multi_init(void) { return api.multi_init(); }
CURLMcode ccurl_multi_cleanup(CURLM *multi) { return api.multi_cleanup(multi); }
CURLMcode ccurl_multi_add_handle(CURLM *multi, CURL *handle) { return api.multi_add_handle(multi, handle); }
CURLMcode ccurl_multi_remove_handle(CURLM *multi, CURL *handle) { return api.multi_remove_handle(multi, handle); }
CURLMcode ccurl_multi_perform(CURLM *multi, int *running) { return api.multi_perform(multi, running); }
CURLMcode ccurl_multi_poll(CURLM *multi, struct curl_waitfd extra[], unsigned int count, int timeout_ms, int *ret) {
    return api.multi_poll(multi, extra, count, timeout_ms, ret);
}
CURLMcode ccurl_multi_wakeup(CURLM *multi) { return api.multi_wakeup(multi); }
CURLMsg *ccurl_multi_info_read(CURLM *multi, int *remaining) { return api.multi_info_read(multi, remaining); }

CURLcode ccurl_easy_setopt_long(CURL *h, CURLoption o, long v) { return api.easy_setopt(h, o, v); }
CURLcode ccurl_easy_setopt_off_t(CURL *h, CURLoption o, curl_off_t v) { return api.easy_setopt(h, o, v); }
CURLcode ccurl_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return api.easy_setopt(h, o, v); }
CURLcode ccurl_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return api.easy_setopt(h, o, v); }
CURLcode ccurl_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return api.easy_setopt(h, o, v); }
CURLcode ccurl_easy_setopt_write_cb(CURL *h, CURLoption o, curl_write_callback cb) {
    return api.easy_setopt(h, o, cb);
}
CURLcode ccurl_easy_setopt_read_cb(CURL *h, CURLoption o, curl_read_callback cb) {
    return api.easy_setopt(h, o, cb);
}
CURLcode ccurl_easy_getinfo_long(CURL *h, CURLINFO i, long *out) { return api.easy_getinfo(h, i, out); }
CURLcode ccurl_easy_getinfo_double(CURL *h, CURLINFO i, double *out) { return api.easy_getinfo(h, i, out); }
CURLcode ccurl_easy_getinfo_off_t(CURL *h, CURLINFO i, curl_off_t *out) { return api.easy_getinfo(h, i, out); }
CURLcode ccurl_easy_getinfo_string(CURL *h, CURLINFO i, const char **out) { return api.easy_getinfo(h, i, out); }
CURLcode ccurl_easy_getinfo_pointer(CURL *h, CURLINFO i, void **out) { return api.easy_getinfo(h, i, out); }
CURLMcode ccurl_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return api.multi_setopt(m, o, v); }
