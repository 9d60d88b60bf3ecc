// libxml2 for Swift. ICU must be switched off before any other libxml2 header is seen:
// its UErrorCode clashes with the one Foundation brings (a redefinition error), and only a
// clean build shows the clash.
#ifndef MEDTERM_CLIBXML2_SHIM_H
#define MEDTERM_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a mutable global function pointer, which Swift 6 refuses to touch.
static inline void medterm_xmlFree(void *pointer) { xmlFree(pointer); }

/// Silences libxml2's default "print every error to stderr" handler for this thread.
static void medterm_xml_ignore_error(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}
static inline void medterm_xml_silence_errors(void) {
  xmlSetGenericErrorFunc(NULL, medterm_xml_ignore_error);
  xmlSetStructuredErrorFunc(NULL, NULL);
}

#endif
