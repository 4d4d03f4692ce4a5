// example.txt is the table the data-source role's spec reads; the other roles' specs use synthetic data
def project = new File(request.outputDirectory, request.artifactId)
if (request.properties.get('role') != 'data') {
    new File(project, 'example.txt').delete()
}
