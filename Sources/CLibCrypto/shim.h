// The system's libcrypto (OpenSSL 3), for hashing finding ids (see Package.swift). SHA-256's own
// functions hash a short message in a context on the stack, without the allocation each EVP
// context set-up makes; OpenSSL 3 marks them deprecated in favour of EVP, hence the define.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
