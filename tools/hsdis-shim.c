/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hsdis-shim.c: lets HotSpot (JDK 17) print the machine code it compiles,
 * with Debian's disassembler plugin (package libhsdis0-fcml).
 *
 * That package exports only the old entry point, decode_instructions(),
 * while JDK 17 looks for decode_instructions_virtual(); without it
 * -XX:+PrintAssembly and JMH's perfasm profiler print hex bytes. This shim
 * exports the new entry point and passes the call on to the old one. The
 * JDK disassembles its own code cache, so the buffer it hands over is the
 * code itself, at the addresses it names.
 *
 * Build and install (the JDK looks next to libjvm.so before its lib/
 * directory, where Debian's package links the plugin that lacks the call):
 *
 *     sudo apt-get install libhsdis0-fcml
 *     gcc -O2 -shared -fPIC -o hsdis-amd64.so tools/hsdis-shim.c -ldl
 *     sudo cp hsdis-amd64.so "$(dirname "$(readlink -f "$(command -v java)")")/../lib/server/"
 *
 * Then, for example:
 *     -prof 'perfasm:events=cpu-clock' (JMH), or
 *     java -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=print,CLASS::METHOD ...
 */
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>

#define FCML_HSDIS "libhsdis.so.0"

typedef void *(*event_callback_t)(void *stream, const char *event, void *arg);
typedef int (*printf_callback_t)(void *stream, const char *format, ...);
typedef void *(*decode_instructions_t)(void *start, void *end, event_callback_t event_callback,
				       void *event_stream, printf_callback_t printf_callback, void *printf_stream,
				       const char *options);

void *decode_instructions_virtual(uintptr_t start_va, uintptr_t end_va, unsigned char *buffer, uintptr_t length,
				  event_callback_t event_callback, void *event_stream,
				  printf_callback_t printf_callback, void *printf_stream, const char *options,
				  int newline)
{
	static decode_instructions_t decode;

	(void)start_va;
	(void)end_va;
	(void)newline; /* the old call ends every instruction with a newline anyway */
	if (!decode) {
		void *lib = dlopen(FCML_HSDIS, RTLD_NOW | RTLD_LOCAL);

		if (!lib)
			return NULL;
		decode = (decode_instructions_t)dlsym(lib, "decode_instructions");
		if (!decode)
			return NULL;
	}
	return decode(buffer, buffer + length, event_callback, event_stream, printf_callback, printf_stream, options);
}
