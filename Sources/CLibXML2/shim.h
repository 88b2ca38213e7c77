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
