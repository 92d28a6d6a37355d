package dev.moravec.host.internal;

import dev.moravec.host.guard.ExitGuard;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The calls that end the process, {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt},
 * found in class files and jars (to name them when a plugin is installed) and rewritten into calls to
 * {@link ExitGuard}, which refuse them (when a plugin's class loads). Direct calls and method references
 * ({@code System::exit}) are both covered; reflection and method handles looked up by name are not, and
 * the command line's last line of defence catches an exit made that way.
 */
public final class ExitCalls {

    private static final String GUARD = Type.getInternalName(ExitGuard.class);

    /** The package the rewritten classes import: the host exports it to plugin bundles. */
    public static final String GUARD_PACKAGE = ExitGuard.class.getPackageName();

    /** One call that ends the process, and its stand-in in {@link ExitGuard}, with the same stack effect. */
    private enum Call {
        SYSTEM_EXIT("java/lang/System", "exit", "System.exit", "systemExit", "(I)V"),
        RUNTIME_EXIT("java/lang/Runtime", "exit", "Runtime.exit", "runtimeExit", "(Ljava/lang/Runtime;I)V"),
        RUNTIME_HALT("java/lang/Runtime", "halt", "Runtime.halt", "runtimeHalt", "(Ljava/lang/Runtime;I)V");

        final String owner;
        final String name;
        final String label;
        final String standIn;
        final String standInDescriptor;

        Call(String owner, String name, String label, String standIn, String standInDescriptor) {
            this.owner = owner;
            this.name = name;
            this.label = label;
            this.standIn = standIn;
            this.standInDescriptor = standInDescriptor;
        }

        static Call of(String owner, String name, String descriptor) {
            if (!descriptor.equals("(I)V")) {
                return null;
            }
            for (Call call : values()) {
                if (call.owner.equals(owner) && call.name.equals(name)) {
                    return call;
                }
            }
            return null;
        }
    }

    private ExitCalls() {}

    /**
     * A class with every call that ends the process replaced by its stand-in.
     *
     * @param classFile the class's bytes
     * @return the rewritten bytes, or {@code null} when the class makes no such call
     */
    public static byte[] rewrite(byte[] classFile) {
        if (!mayCall(classFile)) {
            return null;
        }
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0); // same stack effect, same frames: nothing to compute
        Visitor visitor = new Visitor(writer, true);
        reader.accept(visitor, 0);
        return visitor.found.isEmpty() ? null : writer.toByteArray();
    }

    /**
     * Where a class calls something that ends the process.
     *
     * @param classFile the class's bytes
     * @return one line per calling method, such as {@code com.example.MyScorer.rate calls System.exit}
     */
    public static List<String> find(byte[] classFile) {
        if (!mayCall(classFile)) {
            return List.of();
        }
        Visitor visitor = new Visitor(null, false);
        new ClassReader(classFile).accept(visitor, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return List.copyOf(visitor.found);
    }

    /**
     * Where the classes of a jar, and of the jars inside it, call something that ends the process.
     *
     * @param jar the jar's bytes
     * @return one line per calling method, sorted
     * @throws IOException if the jar cannot be read
     */
    public static List<String> findInJar(byte[] jar) throws IOException {
        TreeSet<String> found = new TreeSet<>();
        scan(new ByteArrayInputStream(jar), found, 0);
        return new ArrayList<>(found);
    }

    private static void scan(InputStream in, TreeSet<String> found, int depth) throws IOException {
        try (JarInputStream entries = new JarInputStream(in)) {
            for (JarEntry entry = entries.getNextJarEntry(); entry != null; entry = entries.getNextJarEntry()) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (name.endsWith(".class")) {
                    try {
                        found.addAll(find(entries.readAllBytes()));
                    } catch (RuntimeException e) {
                        // not a class file ASM can read: the framework refuses to load it anyway
                    }
                } else if (name.endsWith(".jar") && depth == 0) { // a library on the bundle's class path
                    scan(new ByteArrayInputStream(entries.readAllBytes()), found, depth + 1);
                }
            }
        }
    }

    // the owners' names appear in the constant pool of every class that calls them
    private static boolean mayCall(byte[] classFile) {
        return contains(classFile, "java/lang/System") || contains(classFile, "java/lang/Runtime");
    }

    private static boolean contains(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (bytes[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Finds the calls, and with a writer behind it, replaces them. */
    private static final class Visitor extends ClassVisitor {
        final List<String> found = new ArrayList<>();
        private final boolean rewrite;
        private String className;

        Visitor(ClassVisitor next, boolean rewrite) {
            super(Opcodes.ASM9, next);
            this.rewrite = rewrite;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            className = name.replace('/', '.');
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodVisitor next = cv == null ? null : super.visitMethod(access, name, descriptor, signature, exceptions);
            String method = className + "." + name;
            return new MethodVisitor(Opcodes.ASM9, next) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String callee, String desc, boolean itf) {
                    Call call = Call.of(owner, callee, desc);
                    if (call == null) {
                        super.visitMethodInsn(opcode, owner, callee, desc, itf);
                        return;
                    }
                    note(method, call);
                    if (rewrite) {
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, call.standIn, call.standInDescriptor, false);
                    } else {
                        super.visitMethodInsn(opcode, owner, callee, desc, itf);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap, Object... arguments) {
                    Object[] replaced = arguments.clone();
                    for (int i = 0; i < replaced.length; i++) {
                        replaced[i] = standIn(method, replaced[i]);
                    }
                    super.visitInvokeDynamicInsn(name, desc, bootstrap, replaced);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    super.visitLdcInsn(standIn(method, value));
                }
            };
        }

        // a method reference to a call that ends the process (System::exit) becomes one to its stand-in
        private Object standIn(String method, Object constant) {
            if (!(constant instanceof Handle handle)) {
                return constant;
            }
            Call call = Call.of(handle.getOwner(), handle.getName(), handle.getDesc());
            if (call == null) {
                return constant;
            }
            note(method, call);
            return rewrite ? new Handle(Opcodes.H_INVOKESTATIC, GUARD, call.standIn, call.standInDescriptor, false)
                    : constant;
        }

        private void note(String method, Call call) {
            String line = method + " calls " + call.label;
            if (!found.contains(line)) {
                found.add(line);
            }
        }
    }
}
