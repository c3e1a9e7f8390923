package io.feedbackloop.ingest.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.feedbackloop.ingest.model.Metric;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A score's value lies on its metric's scale, and a stated scale is that metric's scale. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ScoreOnScale.Validator.class)
public @interface ScoreOnScale {

    String message() default "must be on the metric's scale";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ScoreOnScale, ScoreInput> {
        @Override
        public boolean isValid(ScoreInput score, ConstraintValidatorContext context) {
            if (score == null || score.metric() == null || score.value() == null) {
                return true; // @NotNull reports these
            }
            Metric metric = score.metric();
            context.disableDefaultConstraintViolation();
            if (score.scale() != null && !score.scale().equals(metric.scale())) {
                context.buildConstraintViolationWithTemplate("must be " + metric.scale() + " for " + metric.wireName())
                        .addPropertyNode("scale").addConstraintViolation();
                return false;
            }
            if (score.value() < metric.min || score.value() > metric.max) {
                context.buildConstraintViolationWithTemplate("must be between " + metric.min + " and " + metric.max
                        + " for " + metric.wireName()).addPropertyNode("value").addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
