/* libcurl for Swift, loaded when the first transfer needs it.
 *
 * The binary does not link libcurl: `ccurl_load()` opens it (and, through it, the ~30 libraries it depends on:
 * TLS, HTTP/2, Kerberos, LDAP, ...) the first time a transport starts, so commands that send nothing (check,
 * skeleton, verify) do not pay the dynamic loader's cost of relocating them at every start (3.4 ms here).
 * Every other function below calls the libcurl function of the same name (without the `c` prefix) and may only
 * be called after `ccurl_load()` returned NULL.
 *
 * Swift cannot call C variadic functions (curl_easy_setopt, curl_easy_getinfo, curl_multi_setopt) nor see cast
 * macros such as CURLAUTH_*. Each typed wrapper fixes one argument kind; `long` options must receive a C `long`
 * (Swift `Int`), never an int or bool.
 */
#ifndef CCURL_H
#define CCURL_H
#include <curl/curl.h>

/* Loads libcurl once (thread-safe); NULL on success, else one line saying why (the loader's message, or the
 * function the library lacks). Every later call returns the same answer. */
const char *ccurl_load(void);
/* A symbol of libcurl or of a library it loaded (e.g. OpenSSL's), or NULL; only after ccurl_load() succeeded. */
void *ccurl_symbol(const char *name);

CURLcode ccurl_global_init(long flags);
const char *ccurl_easy_strerror(CURLcode code);
const char *ccurl_multi_strerror(CURLMcode code);

CURL *ccurl_easy_init(void);
void ccurl_easy_cleanup(CURL *handle);
struct curl_slist *ccurl_slist_append(struct curl_slist *list, const char *line);
void ccurl_slist_free_all(struct curl_slist *list);

CURLM *ccurl_multi_init(void);
CURLMcode ccurl_multi_cleanup(CURLM *multi);
CURLMcode ccurl_multi_add_handle(CURLM *multi, CURL *handle);
CURLMcode ccurl_multi_remove_handle(CURLM *multi, CURL *handle);
CURLMcode ccurl_multi_perform(CURLM *multi, int *running);
CURLMcode ccurl_multi_poll(CURLM *multi, struct curl_waitfd extra[], unsigned int count, int timeout_ms, int *ret);
CURLMcode ccurl_multi_wakeup(CURLM *multi);
CURLMsg *ccurl_multi_info_read(CURLM *multi, int *remaining);

CURLcode ccurl_easy_setopt_long(CURL *h, CURLoption o, long v);
CURLcode ccurl_easy_setopt_off_t(CURL *h, CURLoption o, curl_off_t v);
/* Strings are copied by libcurl (since 7.17.0). */
CURLcode ccurl_easy_setopt_string(CURL *h, CURLoption o, const char *v);
/* *DATA, PRIVATE, COPYPOSTFIELDS. */
CURLcode ccurl_easy_setopt_pointer(CURL *h, CURLoption o, void *v);
/* HTTPHEADER: the list must outlive the transfer. */
CURLcode ccurl_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v);
/* WRITEFUNCTION, HEADERFUNCTION. */
CURLcode ccurl_easy_setopt_write_cb(CURL *h, CURLoption o, curl_write_callback cb);
CURLcode ccurl_easy_setopt_read_cb(CURL *h, CURLoption o, curl_read_callback cb);
CURLcode ccurl_easy_getinfo_long(CURL *h, CURLINFO i, long *out);
CURLcode ccurl_easy_getinfo_double(CURL *h, CURLINFO i, double *out);
CURLcode ccurl_easy_getinfo_off_t(CURL *h, CURLINFO i, curl_off_t *out);
CURLcode ccurl_easy_getinfo_string(CURL *h, CURLINFO i, const char **out);
/* CURLINFO_PRIVATE. */
CURLcode ccurl_easy_getinfo_pointer(CURL *h, CURLINFO i, void **out);
CURLMcode ccurl_multi_setopt_long(CURLM *m, CURLMoption o, long v);

/* A macro Swift cannot import, re-exported as a constant. */
static const long CCURL_GLOBAL_DEFAULT = CURL_GLOBAL_DEFAULT;
#endif
