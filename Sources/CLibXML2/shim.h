// The parts of libxml2 Crosswalk uses: the streaming writer, the streaming reader and XSD schemas.
//
// Debian's libxml2 is built with ICU, and its encoding header then includes the system's ICU
// headers, which clash with the ICU copy inside Swift's Foundation ("UErrorCode is not present in
// definition…"). Crosswalk never touches libxml2's ICU converters, so the ICU parts are left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>

// libxml2 prints some messages itself through its "generic" error function, a C variadic
// callback that Swift cannot define (for example "Unimplemented block at xmlschemas.c:…" for
// UTF-16 input). Crosswalk installs this one, which drops them: every problem it reports comes
// from the structured error handlers instead.
static void crosswalk_discard_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

// Makes the calling thread's libxml2 generic error function discard its messages.
static inline void crosswalk_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, crosswalk_discard_generic_error);
}
