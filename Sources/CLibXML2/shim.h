// libxml2's HTML parser, driven through its SAX interface (Debian package libxml2-dev).
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and its encoding header then includes ICU's, whose enums
// clash with the copy of ICU inside Foundation. Stemma converts charsets before libxml2 sees a
// page and never touches an encoding handler's fields, so the ICU members can stay hidden.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
// RFC 3986 reference resolution, for the relative links of feeds (xmlBuildURI).
#include <libxml/uri.h>
