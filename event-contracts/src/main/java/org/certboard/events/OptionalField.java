package org.certboard.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field added to a v1 event after it was published: not required by the schema, so that events written before it
 * (still in topics, or from a producer not yet upgraded) stay valid; consumers read it as null when absent.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OptionalField {
}
