package org.certboard.candidate.evidence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** An experience entry's end date, when given, lies after its start date; reported on {@code endDate}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EndAfterStart.Validator.class)
public @interface EndAfterStart {
    String message() default "must be after startDate";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EndAfterStart, NewExperience> {
        @Override
        public boolean isValid(NewExperience value, ConstraintValidatorContext context) {
            if (value == null || value.startDate() == null || value.endDate() == null
                    || value.endDate().isAfter(value.startDate())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("endDate").addConstraintViolation();
            return false;
        }
    }
}
