/*
 * A stand-in for Windows' bcryptprimitives.dll under Wine 8, which lacks it.
 * Go 1.24+ programs take their random numbers from its ProcessPrng and stop
 * at start without it. This one asks BCryptGenRandom for the system's
 * preferred generator, which is what ProcessPrng is on Windows. Tests only:
 * it is copied into the Wine prefix, never shipped.
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x7fffffff ? 0x7fffffff : (ULONG)len;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
