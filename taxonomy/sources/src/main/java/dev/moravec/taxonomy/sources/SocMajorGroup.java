package dev.moravec.taxonomy.sources;

import java.util.Optional;

/** The 23 major groups of the SOC 2018 hierarchy (22 civilian and the military group): public fact. */
public enum SocMajorGroup {
    MANAGEMENT("11-0000", "Management Occupations"),
    BUSINESS_AND_FINANCIAL("13-0000", "Business and Financial Operations Occupations"),
    COMPUTER_AND_MATHEMATICAL("15-0000", "Computer and Mathematical Occupations"),
    ARCHITECTURE_AND_ENGINEERING("17-0000", "Architecture and Engineering Occupations"),
    SCIENCE("19-0000", "Life, Physical, and Social Science Occupations"),
    COMMUNITY_AND_SOCIAL_SERVICE("21-0000", "Community and Social Service Occupations"),
    LEGAL("23-0000", "Legal Occupations"),
    EDUCATION_AND_LIBRARY("25-0000", "Educational Instruction and Library Occupations"),
    ARTS_AND_MEDIA("27-0000", "Arts, Design, Entertainment, Sports, and Media Occupations"),
    HEALTHCARE_PRACTITIONERS("29-0000", "Healthcare Practitioners and Technical Occupations"),
    HEALTHCARE_SUPPORT("31-0000", "Healthcare Support Occupations"),
    PROTECTIVE_SERVICE("33-0000", "Protective Service Occupations"),
    FOOD_PREPARATION_AND_SERVING("35-0000", "Food Preparation and Serving Related Occupations"),
    BUILDING_AND_GROUNDS("37-0000", "Building and Grounds Cleaning and Maintenance Occupations"),
    PERSONAL_CARE("39-0000", "Personal Care and Service Occupations"),
    SALES("41-0000", "Sales and Related Occupations"),
    OFFICE_AND_ADMINISTRATIVE("43-0000", "Office and Administrative Support Occupations"),
    FARMING_FISHING_FORESTRY("45-0000", "Farming, Fishing, and Forestry Occupations"),
    CONSTRUCTION_AND_EXTRACTION("47-0000", "Construction and Extraction Occupations"),
    INSTALLATION_MAINTENANCE_REPAIR("49-0000", "Installation, Maintenance, and Repair Occupations"),
    PRODUCTION("51-0000", "Production Occupations"),
    TRANSPORTATION_AND_MATERIAL_MOVING("53-0000", "Transportation and Material Moving Occupations"),
    MILITARY("55-0000", "Military Specific Occupations");

    private final String code;
    private final String title;

    SocMajorGroup(String code, String title) {
        this.code = code;
        this.title = title;
    }

    /** @return the group's code, such as {@code 15-0000} */
    public String code() {
        return code;
    }

    /** @return the group's title */
    public String title() {
        return title;
    }

    /** @return whether this is one of the 22 civilian groups */
    public boolean isCivilian() {
        return this != MILITARY;
    }

    /**
     * The major group of an occupation.
     *
     * @param occupationCode an O*NET-SOC or SOC code, such as {@code 15-1252.00}
     * @return its major group, or empty if the first two digits name none
     */
    public static Optional<SocMajorGroup> of(String occupationCode) {
        if (occupationCode == null || occupationCode.length() < 2) {
            return Optional.empty();
        }
        String prefix = occupationCode.substring(0, 2);
        for (SocMajorGroup group : values()) {
            if (group.code.startsWith(prefix)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }
}
