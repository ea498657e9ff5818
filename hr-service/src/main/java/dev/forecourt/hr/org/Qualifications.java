package dev.forecourt.hr.org;

import java.util.List;

/**
 * 任职资格: what a holder of the position must bring.
 *
 * @param education         minimum education, e.g. "大专 / college diploma, automotive engineering"
 * @param yearsOfExperience minimum years of relevant experience
 * @param knowledge         professional knowledge (专业知识)
 * @param abilities         abilities and skills (能力)
 * @param certificates      certificates required or preferred (证书)
 */
public record Qualifications(String education, int yearsOfExperience, List<String> knowledge,
                             List<String> abilities, List<String> certificates) {

    public Qualifications {
        knowledge = knowledge == null ? List.of() : List.copyOf(knowledge);
        abilities = abilities == null ? List.of() : List.copyOf(abilities);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }
}
