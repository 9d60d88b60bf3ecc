// libcurl for Swift. curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot
// call, so each argument type the helper uses gets a typed wrapper here.
#ifndef MEDTERM_CCURL_SHIM_H
#define MEDTERM_CCURL_SHIM_H

#include <curl/curl.h>

typedef size_t (*medterm_curl_data_callback)(char *data, size_t size, size_t count, void *user);
typedef int (*medterm_curl_progress_callback)(
    void *user, curl_off_t download_total, curl_off_t download_now, curl_off_t upload_total,
    curl_off_t upload_now);

static inline CURLcode medterm_curl_set_long(CURL *handle, CURLoption option, long value) {
  return curl_easy_setopt(handle, option, value);
}
static inline CURLcode medterm_curl_set_string(
    CURL *handle, CURLoption option, const char *value) {
  return curl_easy_setopt(handle, option, value);
}
static inline CURLcode medterm_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
  return curl_easy_setopt(handle, option, value);
}
static inline CURLcode medterm_curl_set_list(
    CURL *handle, CURLoption option, struct curl_slist *value) {
  return curl_easy_setopt(handle, option, value);
}
static inline CURLcode medterm_curl_set_data_callback(
    CURL *handle, CURLoption option, medterm_curl_data_callback value) {
  return curl_easy_setopt(handle, option, value);
}
static inline CURLcode medterm_curl_set_progress_callback(
    CURL *handle, medterm_curl_progress_callback value) {
  return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}
static inline CURLcode medterm_curl_get_long(CURL *handle, CURLINFO info, long *value) {
  return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode medterm_curl_get_string(CURL *handle, CURLINFO info, char **value) {
  return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode medterm_curl_get_offset(CURL *handle, CURLINFO info, curl_off_t *value) {
  return curl_easy_getinfo(handle, info, value);
}

#endif
